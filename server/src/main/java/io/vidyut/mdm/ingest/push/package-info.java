/** The REST push adapter: readings and events pushed by an HES, and the admission that sheds overload before a body is read (rates, body memory, parse turns). */
package io.vidyut.mdm.ingest.push;
