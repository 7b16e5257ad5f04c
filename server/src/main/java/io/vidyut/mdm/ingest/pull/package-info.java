/** The pull adapter: reads from an HES's API on demand (and for commands' on-demand reads). */
package io.vidyut.mdm.ingest.pull;
