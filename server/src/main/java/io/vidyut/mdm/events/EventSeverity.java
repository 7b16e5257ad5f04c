package io.vidyut.mdm.events;

/** How urgently people should look at an event (or the alarm it raises). */
public enum EventSeverity { CRITICAL, MAJOR, MINOR, INFO }
