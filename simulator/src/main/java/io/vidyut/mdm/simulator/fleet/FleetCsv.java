package io.vidyut.mdm.simulator.fleet;

/**
 * A fleet as the MDM's CSV imports take it ({@code /network/nodes/import}, {@code /consumers/import},
 * {@code /meters/import}), so a test or benchmark registers the same network, consumers (with net
 * metering and sanctioned load) and meters the simulator plays.
 */
public final class FleetCsv {
    private FleetCsv() {}

    /** Circle down to substation, then the fleet's feeders and DTs (codes are the simulator's ids). */
    public static String nodes(Fleet fleet) {
        StringBuilder csv = new StringBuilder("level,code,name,parent_code\nCIRCLE,SIM-C,Circle,\nDIVISION,SIM-DV,Division,SIM-C\n"
                + "SUBDIVISION,SIM-SD,Subdivision,SIM-DV\nSUBSTATION,SIM-SS,Substation,SIM-SD\n");
        fleet.feederIds().forEach(feeder -> csv.append("FEEDER,").append(feeder).append(",Feeder ").append(feeder).append(",SIM-SS\n"));
        fleet.dts().values().forEach(dt -> csv.append("DT,").append(dt.id()).append(",DT ").append(dt.id()).append(',')
                .append(dt.feederId()).append('\n'));
        return csv.toString();
    }

    public static String consumers(Fleet fleet) {
        StringBuilder csv = new StringBuilder("account_no,name,tariff_category,sanctioned_load_kw,supply_mode,net_metered,dt_code\n");
        for (SimMeter meter : fleet.meters()) {
            if (meter.consumer() == null) continue;
            ConsumerProfile consumer = meter.consumer();
            csv.append(account(meter)).append(",Consumer ").append(meter.serial()).append(',')
                    .append(consumer.tariffCategory() == null ? "LT-1 Domestic" : consumer.tariffCategory()).append(',')
                    .append(consumer.sanctionedLoadKw()).append(",POSTPAID,").append(consumer.netMetered()).append(',')
                    .append(consumer.dtId() == null ? "" : consumer.dtId()).append('\n');
        }
        return csv.toString();
    }

    /** Meters of every vendor in the fleet, in service, consumers' meters tied to their accounts. */
    public static String meters(Fleet fleet) {
        StringBuilder csv = new StringBuilder("serial,make,phase,category,ct_ratio,pt_ratio,hes_vendor_code,account_no,node_code,lifecycle_stage\n");
        for (SimMeter meter : fleet.meters()) {
            boolean consumer = meter.consumer() != null;
            csv.append(meter.serial()).append(',').append(meter.vendorCode()).append(',').append(meter.threePhase() ? "3P" : "1P")
                    .append(',').append(meter.role().name()).append(',').append(meter.ctRatio()).append(',').append(meter.ptRatio())
                    .append(',').append(meter.vendorCode()).append(',').append(consumer ? account(meter) : "").append(',')
                    .append(consumer || meter.nodeId() == null ? "" : meter.nodeId()).append(",IN_SERVICE\n");
        }
        return csv.toString();
    }

    private static String account(SimMeter meter) {
        return "A-" + meter.serial();
    }
}
