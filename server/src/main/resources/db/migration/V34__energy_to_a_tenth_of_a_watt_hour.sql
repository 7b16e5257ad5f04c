-- Energy is kept to 0.1 Wh / 0.1 VAh (issue 14): a source with Wh and scaler -1 lost its tenths, and rounding
-- them biased every meter's energy. Stored energy intervals and registers become tenths of what they were.
-- Channels: 1-4 the interval energies, 30-33 the cumulative energy registers (Channel codes).
update interval_day
   set vals = (select array_agg(v * 10 order by n) from unnest(vals) with ordinality as u(v, n))
 where channel in (1, 2, 3, 4);
update interval_day_history
   set vals = (select array_agg(v * 10 order by n) from unnest(vals) with ordinality as u(v, n))
 where channel in (1, 2, 3, 4);
update register_read set value = value * 10 where channel in (30, 31, 32, 33);
update register_read_history set value = value * 10 where channel in (30, 31, 32, 33);
