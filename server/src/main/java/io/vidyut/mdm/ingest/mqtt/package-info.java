/** The MQTT adapter: subscribes to each vendor's topics and hands their messages to the inbox. */
package io.vidyut.mdm.ingest.mqtt;
