package io.vidyut.mdm.vee.edits;

/** Why a person changed data: every edit states one. */
enum EditReason {
    METER_FAULT, CT_PT_CORRECTION, HES_ERROR, CONSUMER_DISPUTE, VALIDATION_OVERRIDE, ESTIMATION_CORRECTION, OTHER
}
