package io.vidyut.mdm.prepaid.accounts;

/**
 * What a ledger entry is. Charges carry the tariff's component (ENERGY … ROUNDING); an ADJUSTMENT re-prices a charged
 * day whose data changed; ARREARS_INSTALMENT recovers part of the arrears carried from postpaid from a recharge.
 */
public enum EntryType {
    OPENING_BALANCE, RECHARGE, RECHARGE_REVERSAL, ENERGY, TOD, SUBSIDY, FIXED, DEMAND, MINIMUM_CHARGE, DUTY, TAX, ROUNDING,
    ADJUSTMENT, ARREARS_INSTALMENT, REFUND, CLOSING_SETTLEMENT
}
