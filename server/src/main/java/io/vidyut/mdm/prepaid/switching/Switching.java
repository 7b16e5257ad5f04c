package io.vidyut.mdm.prepaid.switching;

import io.vidyut.mdm.audittrail.AuditTrail;
import io.vidyut.mdm.audittrail.AuditedAction;
import io.vidyut.mdm.channels.Channel;
import io.vidyut.mdm.commands.CommandCompleted;
import io.vidyut.mdm.commands.MeterSwitching;
import io.vidyut.mdm.common.ConflictException;
import io.vidyut.mdm.common.FieldErrorsException;
import io.vidyut.mdm.common.ids.MeterId;
import io.vidyut.mdm.common.ids.NodeId;
import io.vidyut.mdm.meters.LifecycleStage;
import io.vidyut.mdm.meters.Meter;
import io.vidyut.mdm.meters.MeterService;
import io.vidyut.mdm.network.ConsumerAccount;
import io.vidyut.mdm.network.ConsumerService;
import io.vidyut.mdm.network.NetworkTopology;
import io.vidyut.mdm.notifications.NoticeKind;
import io.vidyut.mdm.notifications.NoticeRequest;
import io.vidyut.mdm.notifications.Notices;
import io.vidyut.mdm.prepaid.accounts.AccountClosed;
import io.vidyut.mdm.prepaid.accounts.AccountStore;
import io.vidyut.mdm.prepaid.accounts.PrepaidAccount;
import io.vidyut.mdm.prepaid.accounts.PrepaidAccount.Supply;
import io.vidyut.mdm.prepaid.policy.AccountFacts;
import io.vidyut.mdm.prepaid.policy.Decision;
import io.vidyut.mdm.prepaid.policy.PolicyInForce;
import io.vidyut.mdm.prepaid.policy.PrepaidPolicy;
import io.vidyut.mdm.prepaid.policy.PrepaidPolicyStore;
import io.vidyut.mdm.prepaid.policy.Stagger;
import io.vidyut.mdm.prepaid.policy.Verdict;
import io.vidyut.mdm.prepaid.recharges.RechargeCredited;
import io.vidyut.mdm.prepaid.switching.SwitchOrder.Action;
import io.vidyut.mdm.prepaid.switching.SwitchOrder.Status;
import io.vidyut.mdm.readings.IntervalDay;
import io.vidyut.mdm.readings.IntervalQueries;
import io.vidyut.mdm.vee.VeeStatus;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Switching prepaid supply by the tenant's rules. A consumer in negative balance is told first (a disconnection-due
 * notice), then disconnected only when every rule of the policy allows, spread per feeder over the window that opens;
 * until then the account shows which rule holds it back and when it will go. A recharge that brings the balance above
 * the policy's mark cancels disconnections not yet sent and reconnects at once, at any hour, with a deadline; a failed
 * reconnection is sent again, and one executed after its deadline is flagged late (compensation).
 */
@Service
class Switching {
    static final String USER = "prepaid-rules";
    /** How far back VEE's hold over an account's data is looked at. */
    private static final Duration RECENT = Duration.ofDays(3);
    private static final Set<NoticeKind> WARNINGS = Set.of(NoticeKind.PREPAID_LOW_BALANCE, NoticeKind.PREPAID_DISCONNECTION_DUE);

    private final AccountStore accounts;
    private final SwitchOrders orders;
    private final PrepaidPolicyStore policies;
    private final MeterSwitching commands;
    private final MeterService meters;
    private final ConsumerService consumers;
    private final NetworkTopology network;
    private final IntervalQueries intervals;
    private final VeeStatus vee;
    private final Notices notices;
    private final SwitchingSettings settings;
    private final Clock clock;
    private final AuditTrail audit;

    Switching(AccountStore accounts, SwitchOrders orders, PrepaidPolicyStore policies, MeterSwitching commands, MeterService meters,
              ConsumerService consumers, NetworkTopology network, IntervalQueries intervals, VeeStatus vee, Notices notices,
              SwitchingSettings settings, Clock clock, AuditTrail audit) {
        this.accounts = accounts;
        this.orders = orders;
        this.policies = policies;
        this.commands = commands;
        this.meters = meters;
        this.consumers = consumers;
        this.network = network;
        this.intervals = intervals;
        this.vee = vee;
        this.notices = notices;
        this.settings = settings;
        this.clock = clock;
        this.audit = audit;
    }

    /** In the recharge's transaction: tell the consumer, and reconnect at once when the balance allows. */
    @EventListener
    void recharged(RechargeCredited recharge) {
        Instant now = clock.instant();
        notices.send(new NoticeRequest(NoticeKind.PREPAID_RECHARGED, recharge.consumerId(), "recharged/" + recharge.rechargeId(),
                Map.of("amount", recharge.amount().toPlainString(), "balance", recharge.balanceAfter().toPlainString())));
        PrepaidPolicy policy = policies.current();
        if (recharge.balanceAfter().compareTo(policy.reconnectAboveBalance()) <= 0) return;
        PrepaidAccount account = accounts.find(recharge.accountId()).orElseThrow();
        accounts.hold(account.id(), null, null, null, null);
        for (SwitchOrder open : orders.open(account.id())) {
            if (open.action() == Action.RECONNECT) return; // one is under way
            // a disconnection already sent is left to end: when it executes, the balance sends a reconnection
            if (open.status() == Status.SCHEDULED) orders.ended(open.id(), Status.CANCELLED, "recharged to ₹" + recharge.balanceAfter(), now);
        }
        if (account.supply() == Supply.DISCONNECTED) {
            reconnect(account, "recharge " + recharge.rechargeId() + " brought the balance to ₹" + recharge.balanceAfter().toPlainString(),
                    recharge.receivedBy(), policy, "prepaid-reconnect/" + recharge.rechargeId(), now);
        }
    }

    /** In the transaction that ended the command: the order, the account's supply, a retry or the next step. */
    @EventListener
    void completed(CommandCompleted completed) {
        Optional<SwitchOrder> found = orders.byCommand(completed.commandId());
        if (found.isEmpty()) return;
        SwitchOrder order = found.get();
        Instant at = completed.completedAt();
        PrepaidAccount account = accounts.find(order.accountId()).orElseThrow();
        if ("EXECUTED".equals(completed.status())) {
            orders.ended(order.id(), Status.EXECUTED, null, at);
            boolean connected = order.action() == Action.RECONNECT;
            accounts.supply(account.id(), connected ? Supply.CONNECTED : Supply.DISCONNECTED);
            notices.send(new NoticeRequest(connected ? NoticeKind.PREPAID_RECONNECTED : NoticeKind.PREPAID_DISCONNECTED,
                    account.consumerId(), "switched/" + order.id(), Map.of("balance", account.balance().toPlainString())));
            PrepaidPolicy policy = policies.current();
            if (!connected && account.balance().compareTo(policy.reconnectAboveBalance()) > 0) {
                reconnect(account, "recharged while the disconnection was under way", USER, policy,
                        "prepaid-reconnect/after/" + order.id(), clock.instant());
            }
        } else if (order.action() == Action.RECONNECT && order.attempts() < settings.reconnectAttempts()) {
            send(order.id(), order.meterId(), Action.RECONNECT, "prepaid-reconnect/" + order.id() + "/" + (order.attempts() + 1),
                    USER, clock.instant());
        } else {
            orders.ended(order.id(), Status.FAILED, completed.status() + (completed.reason() == null ? "" : ": " + completed.reason()), at);
        }
    }

    /** A closed account is switched no more: its disconnections not yet sent are cancelled. */
    @EventListener
    void closed(AccountClosed closed) {
        for (SwitchOrder open : orders.open(closed.accountId())) {
            if (open.status() == Status.SCHEDULED) orders.ended(open.id(), Status.CANCELLED, "account closed by " + closed.closedBy(), clock.instant());
        }
    }

    /** An operator reconnects whatever the balance, with a reason (audited). */
    @Transactional
    SwitchOrder reconnectByOperator(UUID accountId, String reason, String user) {
        if (reason == null || reason.isBlank() || reason.length() > 500) throw FieldErrorsException.of("reason", "required, at most 500 characters");
        PrepaidAccount account = accounts.lock(accountId);
        for (SwitchOrder open : orders.open(account.id())) {
            if (open.action() == Action.DISCONNECT && open.status() == Status.SCHEDULED) {
                orders.ended(open.id(), Status.CANCELLED, "reconnected by " + user, clock.instant());
            }
        }
        UUID id = reconnect(account, "by " + user + ": " + reason.strip(), user, policies.current(), null, clock.instant())
                .orElseThrow(() -> new ConflictException("The consumer of account " + account.accountNo() + " has no meter in service"));
        SwitchOrder order = orders.get(id);
        audit.record(AuditedAction.of("prepaid_switching.manual_reconnect", "prepaid_account", account.id(), null, order));
        return order;
    }

    /**
     * In the tenant's context and transaction: reconnections past their deadline flagged late, due disconnections sent
     * if the rules still allow, and accounts in negative balance decided: told, held (with the rule and when it goes)
     * or scheduled, spread per feeder.
     */
    @Transactional
    int sweep(Instant now) {
        orders.markLate(now);
        PolicyInForce policy = policies.inForce(now);
        int sent = sendDue(policy, now);
        List<PrepaidAccount> negative = accounts.negativeConnected(settings.mostPerSweep());
        if (negative.isEmpty()) return sent;
        Map<UUID, Facts> facts = facts(negative, policy, now);
        Map<UUID, Integer> perDt = orders.disconnectionsSince(policy.today().atStartOfDay(policy.zone()).toInstant(), dtOf(facts));
        List<Stagger.Pending> pending = new ArrayList<>();
        Map<UUID, Decision> decisions = new HashMap<>();
        for (PrepaidAccount account : negative) {
            Facts f = facts.get(account.id());
            if (f.meterId() == null) {
                accounts.hold(account.id(), "NO_METER", "The consumer has no meter in service to disconnect", null, now);
                continue;
            }
            Decision decision = policy.decide(f.facts(), perDt.getOrDefault(f.facts().dtId(), 0));
            if (decision.verdict() == Verdict.DISCONNECT) {
                pending.add(new Stagger.Pending(account.id(), f.facts().feederId()));
                decisions.put(account.id(), decision);
                if (f.facts().dtId() != null) perDt.merge(f.facts().dtId(), 1, Integer::sum);
            } else {
                accounts.hold(account.id(), decision.rule() == null ? null : decision.rule().name(), decision.explanation(),
                        decision.goesAt(), now);
            }
        }
        for (Stagger.Send send : pending.isEmpty() ? List.<Stagger.Send>of() : policy.stagger(pending, now)) {
            Facts f = facts.get(send.accountId());
            orders.insert(send.accountId(), f.meterId(), Action.DISCONNECT, send.at(), null, decisions.get(send.accountId()).explanation(),
                    USER, now);
            accounts.hold(send.accountId(), "SCHEDULED", "Disconnection scheduled for " + send.at(), send.at(), now);
        }
        return sent + sendDue(policy, now);
    }

    /** Sends the disconnections due by now that the rules still allow; cancels the others (they are decided again). */
    private int sendDue(PolicyInForce policy, Instant now) {
        List<SwitchOrder> due = orders.dueDisconnections(now, settings.mostPerSweep());
        if (due.isEmpty()) return 0;
        Map<UUID, PrepaidAccount> byId = new HashMap<>();
        accounts.lock(due.stream().map(SwitchOrder::accountId).toList()).forEach(byId::put);
        Map<UUID, Facts> facts = facts(List.copyOf(byId.values()), policy, now);
        int sent = 0;
        for (SwitchOrder order : due) {
            Facts f = facts.get(order.accountId());
            // the day's cap counted the order when it was scheduled: it is not counted again here
            Decision decision = policy.decide(f.facts(), 0);
            if (decision.verdict() == Verdict.DISCONNECT) {
                send(order.id(), order.meterId(), Action.DISCONNECT, "prepaid-disconnect/" + order.id(), USER, now);
                accounts.hold(order.accountId(), null, null, null, null);
                sent++;
            } else {
                orders.ended(order.id(), Status.CANCELLED, decision.verdict() == Verdict.NOT_DUE ? "no longer due"
                        : "held back: " + decision.explanation(), now);
            }
        }
        return sent;
    }

    /** The reconnection order made, or empty when the consumer has no meter in service (the account says so). */
    private Optional<UUID> reconnect(PrepaidAccount account, String reason, String user, PrepaidPolicy policy, String key, Instant now) {
        UUID meter = inServiceMeter(account.consumerId());
        if (meter == null) {
            accounts.hold(account.id(), "NO_METER", "The consumer has no meter in service to reconnect", null, now);
            return Optional.empty();
        }
        UUID id = orders.insert(account.id(), meter, Action.RECONNECT, now, now.plus(Duration.ofMinutes(policy.reconnectWithinMinutes())),
                reason, user, now);
        send(id, meter, Action.RECONNECT, key == null ? "prepaid-reconnect/" + id : key, user, now);
        return Optional.of(id);
    }

    private void send(UUID orderId, UUID meterId, Action action, String key, String user, Instant now) {
        MeterSwitching.Issued issued = action == Action.RECONNECT ? commands.reconnect(meterId, key, user)
                : commands.disconnect(meterId, key, user);
        if (issued.refusal() != null) orders.ended(orderId, Status.FAILED, issued.refusal(), now);
        else orders.sent(orderId, issued.commandId(), now);
    }

    private UUID inServiceMeter(UUID consumerId) {
        return meters.ofConsumers(List.of(consumerId)).stream().filter(m -> m.lifecycleStage() != LifecycleStage.DECOMMISSIONED)
                .map(Meter::id).findFirst().orElse(null);
    }

    /** What the rules are decided on, and the meter to switch. */
    private record Facts(AccountFacts facts, UUID meterId) {}

    private static Map<UUID, UUID> dtOf(Map<UUID, Facts> facts) {
        Map<UUID, UUID> dts = new HashMap<>();
        facts.forEach((account, f) -> {
            if (f.facts().dtId() != null) dts.put(account, f.facts().dtId());
        });
        return dts;
    }

    /**
     * The facts of many accounts in a few queries: DT and feeder, the meter in service, its last interval and VEE's
     * hold over the last days, and the last warning actually delivered (sending the disconnection-due notice first
     * when the account's fall to zero has had none).
     */
    private Map<UUID, Facts> facts(List<PrepaidAccount> list, PolicyInForce policy, Instant now) {
        List<UUID> consumerIds = list.stream().map(PrepaidAccount::consumerId).toList();
        Map<UUID, ConsumerAccount> consumerOf = new HashMap<>();
        consumers.getAll(consumerIds).forEach(c -> consumerOf.put(c.id(), c));
        Set<NodeId> dts = new HashSet<>();
        consumerOf.values().forEach(c -> {
            if (c.dtId() != null) dts.add(new NodeId(c.dtId()));
        });
        Map<UUID, UUID> feederOf = new HashMap<>();
        if (!dts.isEmpty()) network.feedersOf(dts).forEach(f -> feederOf.put(f.dt().value(), f.feeder() == null ? null : f.feeder().value()));
        Map<UUID, UUID> meterOf = new HashMap<>();
        for (Meter meter : meters.ofConsumers(consumerIds)) {
            if (meter.lifecycleStage() != LifecycleStage.DECOMMISSIONED) meterOf.putIfAbsent(meter.consumerId(), meter.id());
        }
        List<MeterId> meterIds = meterOf.values().stream().map(MeterId::new).toList();
        Map<UUID, Instant> lastData = new HashMap<>();
        if (!meterIds.isEmpty()) {
            // as far back as the data could be and not stale; one row per meter
            LocalDate today = LocalDate.ofInstant(now, policy.zone());
            for (IntervalDay day : intervals.latestDays(meterIds, Channel.KWH_IMPORT,
                    today.minusDays(policy.policy().staleDataHours() / 24 + 1), today)) {
                for (int slot = day.values().length - 1; slot >= 0; slot--) {
                    Instant end = day.slotEnd(slot, policy.zone());
                    if (day.values()[slot] == null || end.isAfter(now)) continue;
                    lastData.put(day.meterId(), end);
                    break;
                }
            }
        }
        Set<UUID> underReview = new HashSet<>();
        vee.withheld(meterOf.values(), List.of(Channel.KWH_IMPORT), now.minus(RECENT), now).forEach(w -> underReview.add(w.meterId()));
        Map<UUID, Facts> facts = new HashMap<>();
        for (PrepaidAccount account : list) {
            ConsumerAccount consumer = consumerOf.get(account.consumerId());
            UUID dt = consumer == null ? null : consumer.dtId();
            UUID meter = meterOf.get(account.consumerId());
            Instant lastNotice = warningSinceZero(account);
            if (lastNotice == null && account.balance().signum() <= 0 && account.zeroSince() != null) {
                warn(account, policy.policy()); // once per fall to zero: a later sweep finds it delivered
                lastNotice = warningSinceZero(account);
            }
            facts.put(account.id(), new Facts(new AccountFacts(account.id(), dt, dt == null ? null : feederOf.get(dt), account.balance(),
                    account.zeroSince(), account.convertedOn(), lastNotice, meter == null ? null : lastData.get(meter),
                    meter != null && underReview.contains(meter)), meter));
        }
        return facts;
    }

    /** When a warning about this fall to zero was last delivered (one before an earlier recharge does not count). */
    private Instant warningSinceZero(PrepaidAccount account) {
        return notices.lastDelivered(account.consumerId(), WARNINGS)
                .filter(at -> account.zeroSince() != null && !at.isBefore(account.zeroSince())).orElse(null);
    }

    /** The disconnection-due notice, once per fall to zero (the notice's dedupe key is the fall's instant). */
    private void warn(PrepaidAccount account, PrepaidPolicy policy) {
        notices.send(new NoticeRequest(NoticeKind.PREPAID_DISCONNECTION_DUE, account.consumerId(),
                "disconnection-due/" + account.id() + "/" + account.zeroSince().getEpochSecond(),
                Map.of("balance", account.balance().toPlainString(), "days_left", Integer.toString(policy.emergencyCreditDays()))));
    }
}
