package io.vidyut.mdm.simulator.load;

import java.time.DayOfWeek;
import java.time.LocalDate;

/** Day types that change how people use power. Public holidays are not modelled. */
public enum DayType {
    WEEKDAY, SATURDAY, SUNDAY;

    public static DayType of(LocalDate day) {
        DayOfWeek dow = day.getDayOfWeek();
        return dow == DayOfWeek.SUNDAY ? SUNDAY : dow == DayOfWeek.SATURDAY ? SATURDAY : WEEKDAY;
    }

    public boolean weekend() {
        return this != WEEKDAY;
    }
}
