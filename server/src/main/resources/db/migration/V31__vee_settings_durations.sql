-- VEE run thresholds become durations (minutes), so one setting means the same at 15 and 30 minutes.
-- Stored counts were meant as 15-minute intervals (the docs' 4 h = 16); the spike check is now judged against
-- the day's own upper intervals, and its neighbour-median settings have no counterpart (their defaults apply).
update vee_settings
   set config = (config - 'zero_run_intervals' - 'flat_line_intervals' - 'prolonged_estimation_intervals'
                        - 'spike_factor' - 'spike_window' - 'spike_minimum_kwh')
                || jsonb_strip_nulls(jsonb_build_object(
                       'zero_run_minutes', least(greatest((config ->> 'zero_run_intervals')::int * 15, 30), 1440),
                       'flat_line_minutes', least(greatest((config ->> 'flat_line_intervals')::int * 15, 30), 1440),
                       'prolonged_estimation_minutes', greatest((config ->> 'prolonged_estimation_intervals')::int * 15, 15)))
 where exists (select 1 from jsonb_object_keys(config) as key  -- not ?|, which JDBC takes for a parameter
                where key in ('zero_run_intervals', 'flat_line_intervals', 'prolonged_estimation_intervals',
                              'spike_factor', 'spike_window', 'spike_minimum_kwh'));
