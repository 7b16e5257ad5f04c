package io.vidyut.mdm.network;

/** How a consumer pays: recharge first, or bill after. */
public enum SupplyMode { PREPAID, POSTPAID }
