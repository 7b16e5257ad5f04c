package io.vidyut.mdm.network;

/** Levels of the electrical hierarchy, top down; each node's parent is on the level just above. */
public enum NetworkLevel {
    CIRCLE, DIVISION, SUBDIVISION, SUBSTATION, FEEDER, DT;

    public NetworkLevel parentLevel() {
        return this == CIRCLE ? null : values()[ordinal() - 1];
    }
}
