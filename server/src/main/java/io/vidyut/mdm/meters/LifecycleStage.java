package io.vidyut.mdm.meters;

/** The 7-stage meter lifecycle (PRODUCT.md §4.6), in order. */
public enum LifecycleStage {
    IN_INVENTORY, SURVEYED, INSTALLATION_ASSIGNED, INSTALLED, COMMISSIONED, IN_SERVICE, DECOMMISSIONED
}
