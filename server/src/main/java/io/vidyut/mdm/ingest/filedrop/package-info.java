/** The file-drop adapter: picks up the files vendors drop in their folders and hands them to the inbox. */
package io.vidyut.mdm.ingest.filedrop;
