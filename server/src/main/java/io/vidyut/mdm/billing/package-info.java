/**
 * The billing side of VEE: billing-grade data (only validated intervals, each with its quality),
 * billing periods locked against edits, and corrections of data billing already took.
 */
package io.vidyut.mdm.billing;
