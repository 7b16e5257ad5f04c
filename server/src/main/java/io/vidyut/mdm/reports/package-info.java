/**
 * The reporting read model: reports and dashboard figures that look across modules (data completeness per HES
 * vendor, communication loss, and the reports to come). Its SQL may read any module's table — a read model is
 * where crossing reads belong, in one place instead of spread over the modules — and writes none (it owns no
 * tables); {@code TableOwnershipTest} checks both. It runs under the caller's tenant (row-level security).
 */
@org.springframework.modulith.ApplicationModule(displayName = "Reports (read model)")
package io.vidyut.mdm.reports;
