package io.vidyut.mdm.simulator.fleet;

/** What the load model needs to know about a consumer account. */
public record ConsumerProfile(String id, double sanctionedLoadKw, String tariffCategory, boolean netMetered,
                              String dtId) {
    public ConsumerProfile {
        if (!(sanctionedLoadKw > 0)) {
            throw new IllegalArgumentException("sanctioned load must be positive, got " + sanctionedLoadKw);
        }
    }

    public CustomerClass customerClass() {
        return CustomerClass.ofTariff(tariffCategory);
    }

    /** Used for consumer meters whose account the server did not give us. */
    public static ConsumerProfile unknown(String dtId) {
        return new ConsumerProfile(null, 2.0, null, false, dtId);
    }
}
