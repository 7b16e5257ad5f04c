/** The web dashboard's static files, served at {@code /} with client-side routes falling back to index.html. */
package io.vidyut.mdm.ui;
