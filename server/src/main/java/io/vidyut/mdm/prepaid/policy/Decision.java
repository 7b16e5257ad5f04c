package io.vidyut.mdm.prepaid.policy;

import java.time.Instant;

/**
 * What the disconnection policy says of an account now, and why.
 *
 * @param verdict     NOT_DUE, HOLD or DISCONNECT
 * @param rule        the first rule holding the disconnection back ({@link HoldingRule}'s order); null unless HOLD
 * @param explanation in words, tenant-local times: what holds it back, what must happen, when it goes
 * @param goesAt      when the disconnection will go if nothing changes (now for DISCONNECT); null when NOT_DUE, or
 *                    when a rule holds it until something happens rather than until a time (no notice sent, stale
 *                    data, VEE review), or when the calendar never allows it
 */
public record Decision(Verdict verdict, HoldingRule rule, String explanation, Instant goesAt) {}
