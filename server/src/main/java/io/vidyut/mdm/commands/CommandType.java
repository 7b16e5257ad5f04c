package io.vidyut.mdm.commands;

/** What a command asks the meter to do; RAW passes a vendor's own command through. */
enum CommandType { CONNECT, DISCONNECT, ON_DEMAND_READ, LOAD_LIMIT, TIME_SYNC, RAW }
