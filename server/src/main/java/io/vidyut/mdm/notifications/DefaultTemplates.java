package io.vidyut.mdm.notifications;

/**
 * The built-in texts, one per kind and channel, used until a tenant saves its own (a new kind does not compile
 * without its texts here). The SMS texts are fit to register on the DLT platform as they are, each placeholder a
 * variable, but have no template id: an SMS goes out only once the tenant has saved its SMS template with the id the
 * DLT platform gave it.
 */
final class DefaultTemplates {
    private static final String FOOTER = "\n\nThis is an automatic message from your electricity distribution company; "
            + "please do not reply to it.\n";

    /** A text on one channel: a subject for e-mail only. */
    record Text(String subject, String body) {}

    /** A kind's texts on every channel. */
    private record Texts(String sms, String emailSubject, String email, String inApp) {}

    private DefaultTemplates() {}

    /** The built-in text of a kind on a channel. */
    static Text of(NoticeKind kind, NoticeChannel channel) {
        Texts texts = texts(kind);
        return switch (channel) {
            case SMS -> new Text(null, texts.sms());
            case EMAIL -> new Text(texts.emailSubject(), texts.email() + FOOTER);
            case IN_APP -> new Text(null, texts.inApp());
        };
    }

    private static Texts texts(NoticeKind kind) {
        return switch (kind) {
            case PREPAID_LOW_BALANCE -> new Texts(
                    "Dear consumer, balance of prepaid account {account_no} is Rs {balance} as on {at}, below Rs {threshold}. "
                            + "Please recharge soon to avoid disconnection of supply.",
                    "Low balance on prepaid electricity account {account_no}",
                    "Dear consumer,\n\nThe balance of your prepaid electricity account {account_no} is Rs {balance} as on "
                            + "{at}, below your alert level of Rs {threshold}.\n\nPlease recharge soon to avoid disconnection "
                            + "of supply.",
                    "Balance Rs {balance} as on {at} is below Rs {threshold}. Please recharge soon to avoid disconnection.");
            case PREPAID_RECHARGED -> new Texts(
                    "Dear consumer, recharge of Rs {amount} for prepaid account {account_no} received on {at}. "
                            + "Balance is now Rs {balance}. Thank you.",
                    "Recharge of Rs {amount} received for prepaid electricity account {account_no}",
                    "Dear consumer,\n\nWe received your recharge of Rs {amount} for prepaid electricity account "
                            + "{account_no} on {at}.\n\nYour balance is now Rs {balance}. Thank you.",
                    "Recharge of Rs {amount} received on {at}. Balance is now Rs {balance}.");
            case PREPAID_DISCONNECTION_DUE -> new Texts(
                    "Dear consumer, balance of prepaid account {account_no} is Rs {balance} as on {at}. Supply will be "
                            + "disconnected in {days_left} day(s) unless you recharge.",
                    "Supply to prepaid electricity account {account_no} will be disconnected in {days_left} day(s)",
                    "Dear consumer,\n\nThe balance of your prepaid electricity account {account_no} is Rs {balance} as on "
                            + "{at}.\n\nThe supply will be disconnected in {days_left} day(s) unless you recharge before then.",
                    "Balance Rs {balance} as on {at}. Supply will be disconnected in {days_left} day(s) unless you recharge.");
            case PREPAID_DISCONNECTED -> new Texts(
                    "Dear consumer, supply to prepaid account {account_no} was disconnected on {at} as the balance is "
                            + "Rs {balance}. Please recharge to restore supply.",
                    "Supply to prepaid electricity account {account_no} disconnected",
                    "Dear consumer,\n\nThe supply to your prepaid electricity account {account_no} was disconnected on "
                            + "{at}, as its balance is Rs {balance}.\n\nPlease recharge to have the supply restored.",
                    "Supply disconnected on {at}: balance Rs {balance}. Please recharge to restore supply.");
            case PREPAID_RECONNECTED -> new Texts(
                    "Dear consumer, supply to prepaid account {account_no} was restored on {at}. Balance is Rs {balance}. "
                            + "Thank you.",
                    "Supply to prepaid electricity account {account_no} restored",
                    "Dear consumer,\n\nThe supply to your prepaid electricity account {account_no} was restored on {at}."
                            + "\n\nYour balance is Rs {balance}. Thank you.",
                    "Supply restored on {at}. Balance is Rs {balance}.");
        };
    }
}
