package io.vidyut.mdm.billing.systems;

import io.vidyut.mdm.billing.systems.BillingSystem.BillingDelivery;
import io.vidyut.mdm.billing.systems.BillingSystem.BillingWindow;
import io.vidyut.mdm.tenancy.TenantContext;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The current tenant's billing systems (row-level security keeps them to it). Secrets and the SFTP password come in
 * and go out sealed: opening them is the caller's business, and only where they are used.
 */
@Component
class BillingSystemStore {
    private final JdbcClient jdbc;

    BillingSystemStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** A stored system with its sealed secrets: the previous one null when none is accepted any more. */
    record Stored(UUID id, BillingSystem system, String sealedSecret, String sealedPreviousSecret, String sealedPassword) {}

    void insert(UUID id, BillingSystem.NewBillingSystem system, String sealedSecret, String sealedPassword, String user,
                Instant now) {
        BillingWindow window = system.billingWindow() == null ? new BillingWindow(null, null) : system.billingWindow();
        BillingDelivery delivery = system.delivery();
        jdbc.sql("""
                        insert into billing_system (id, tenant_id, code, name, secret, secret_rotated_at, window_first_day,
                          window_last_day, delivery_mode, delivery_format, delivery_url, delivery_folder, sftp_host, sftp_port,
                          sftp_username, sftp_password, sftp_remote_dir, sftp_host_key, created_by, created_at, updated_at)
                        values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(id, TenantContext.requireTenantId(), system.code(), system.name().strip(), sealedSecret,
                        Timestamp.from(now), window.firstDay(), window.lastDay(), delivery.mode().name(),
                        delivery.format().name(), delivery.url(), delivery.folder(), delivery.host(), delivery.port(),
                        delivery.username(), sealedPassword, delivery.remoteDir(), delivery.hostKeyFingerprint(), user,
                        Timestamp.from(now), Timestamp.from(now))
                .update();
    }

    /** Replaces name, window and delivery (the caller merged the change into what was stored). */
    void update(UUID id, String name, BillingWindow window, BillingDelivery delivery, String sealedPassword, Instant now) {
        jdbc.sql("""
                        update billing_system set name = ?, window_first_day = ?, window_last_day = ?, delivery_mode = ?,
                          delivery_format = ?, delivery_url = ?, delivery_folder = ?, sftp_host = ?, sftp_port = ?,
                          sftp_username = ?, sftp_password = ?, sftp_remote_dir = ?, sftp_host_key = ?, updated_at = ?
                        where id = ?""")
                .params(name, window.firstDay(), window.lastDay(), delivery.mode().name(), delivery.format().name(),
                        delivery.url(), delivery.folder(), delivery.host(), delivery.port(), delivery.username(),
                        sealedPassword, delivery.remoteDir(), delivery.hostKeyFingerprint(), Timestamp.from(now), id)
                .update();
    }

    /** The current secret becomes the previous one (still accepted), the new one current; the older one is gone. */
    void rotate(UUID id, String sealedSecret, Instant now) {
        jdbc.sql("""
                        update billing_system set previous_secret = secret, secret = ?, secret_rotated_at = ?, updated_at = ?
                        where id = ?""")
                .params(sealedSecret, Timestamp.from(now), Timestamp.from(now), id).update();
    }

    List<BillingSystem> list() {
        return jdbc.sql("select * from billing_system order by code").query(this::stored).list().stream()
                .map(Stored::system).toList();
    }

    Optional<Stored> find(String code) {
        return jdbc.sql("select * from billing_system where code = ?").param(code).query(this::stored).optional();
    }

    /** The row locked, for a change that must not cross another (two rotations at once would lose a secret). */
    Optional<Stored> findForUpdate(String code) {
        return jdbc.sql("select * from billing_system where code = ? for update").param(code).query(this::stored).optional();
    }

    /** Every row's sealed values, for re-sealing under a new master key. */
    List<Stored> allForUpdate() {
        return jdbc.sql("select * from billing_system for update").query(this::stored).list();
    }

    void reseal(UUID id, String sealedSecret, String sealedPreviousSecret, String sealedPassword) {
        jdbc.sql("update billing_system set secret = ?, previous_secret = ?, sftp_password = ? where id = ?")
                .params(sealedSecret, sealedPreviousSecret, sealedPassword, id).update();
    }

    private Stored stored(ResultSet rs, int row) throws SQLException {
        String password = rs.getString("sftp_password");
        BillingSystem.Mode mode = BillingSystem.Mode.valueOf(rs.getString("delivery_mode"));
        BillingDelivery delivery = new BillingDelivery(mode,
                BillingSystem.Format.valueOf(rs.getString("delivery_format")), rs.getString("delivery_url"),
                rs.getString("delivery_folder"), rs.getString("sftp_host"), rs.getObject("sftp_port", Integer.class),
                rs.getString("sftp_username"), null, rs.getString("sftp_remote_dir"), rs.getString("sftp_host_key"), null).withoutPassword(mode == BillingSystem.Mode.SFTP ? password != null : null);
        Integer first = rs.getObject("window_first_day", Integer.class);
        BillingWindow window = first == null ? null : new BillingWindow(first, rs.getObject("window_last_day", Integer.class));
        String previous = rs.getString("previous_secret");
        BillingSystem system = new BillingSystem(rs.getString("code"), rs.getString("name"), window, delivery,
                rs.getTimestamp("secret_rotated_at").toInstant(), previous != null, rs.getString("created_by"),
                rs.getTimestamp("created_at").toInstant(), rs.getTimestamp("updated_at").toInstant());
        return new Stored(rs.getObject("id", UUID.class), system, rs.getString("secret"), previous, password);
    }
}
