-- The combined estimation method (like-day shape scaled to the meter's level around the gap, or to what the
-- boundary registers leave) is recorded like the others. Saved VEE settings need no change: the new ones
-- (estimation_order, like_day_estimated_weight, like_day_weekly_weight) take their defaults when absent.
alter table vee_estimate drop constraint vee_estimate_method_check;
alter table vee_estimate add constraint vee_estimate_method_check
  check (method in ('LINEAR', 'LINEAR_REGISTER_SCALED', 'LIKE_DAY', 'LIKE_DAY_SCALED', 'FLAT', 'PROFILE'));
