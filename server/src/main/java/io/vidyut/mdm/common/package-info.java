/**
 * Shared vocabulary every module may use: API errors as RFC 9457 problems, paging, CSV import.
 */
@org.springframework.modulith.ApplicationModule(type = org.springframework.modulith.ApplicationModule.Type.OPEN)
package io.vidyut.mdm.common;
