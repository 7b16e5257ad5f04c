-- Each table belongs to one module (issue 13): the module whose code reads and writes it, and which publishes
-- what other modules may learn from it. TableOwnershipTest reads these comments; a new table says its module the
-- same way in the migration that makes it.

comment on table alarm is 'module: alarms';
comment on table alarm_rules is 'module: alarms';
comment on table mail_outbox is 'module: alarms';
comment on table app_user is 'module: security';
comment on table oidc_provider is 'module: security';
comment on table oidc_sign_in is 'module: security';
comment on table user_session is 'module: security';
comment on table audit_event is 'module: audittrail';
comment on table billing_correction is 'module: billing';
comment on table billing_data_taken is 'module: billing';
comment on table billing_period_lock is 'module: billing';
comment on table consumer is 'module: network';
comment on table network_node is 'module: network';
comment on table feed_cursor is 'module: feed';
comment on table feed_event is 'module: feed';
comment on table hes_api_key is 'module: hes';
comment on table hes_vendor is 'module: hes';
comment on table hes_vendor_mapping is 'module: hes';
comment on table ingest_batch is 'module: ingest';
comment on table ingest_batch_part is 'module: ingest';
comment on table quarantine_row is 'module: ingest';
comment on table interval_day is 'module: readings';
comment on table interval_day_history is 'module: readings';
comment on table register_read is 'module: readings';
comment on table register_read_history is 'module: readings';
comment on table meter is 'module: meters';
comment on table meter_command is 'module: commands';
comment on table meter_command_transition is 'module: commands';
comment on table meter_event is 'module: events';
comment on table meter_last_seen is 'module: events';
comment on table outbox is 'module: webhooks';
comment on table webhook_subscription is 'module: webhooks';
comment on table tenant is 'module: tenancy';
comment on table vee_daily_count is 'module: vee';
comment on table vee_edit is 'module: vee';
comment on table vee_estimate is 'module: vee';
comment on table vee_exception is 'module: vee';
comment on table vee_settings is 'module: vee';
