/** Typed ids for the published module APIs, where ids of different kinds meet in one signature. */
package io.vidyut.mdm.common.ids;
