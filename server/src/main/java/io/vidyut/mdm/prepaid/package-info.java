/**
 * Prepaid supply (issue 16, docs/prepaid.md): an account per prepaid consumer connection with an append-only ledger
 * whose sum is the balance ({@code accounts}); recharges from payment gateways and counters ({@code recharges}); a
 * daily charge from billing-grade data by the tariff, re-priced by adjustment when the data changes
 * ({@code charging}); the tenant's disconnection policy ({@code policy}); and disconnection only when every rule
 * allows, reconnection within minutes of a qualifying recharge ({@code switching}).
 */
package io.vidyut.mdm.prepaid;
