/** The quarantine of rejected rows: listing them with their reasons and re-driving them after a mapping or registry fix. */
package io.vidyut.mdm.ingest.quarantine;
