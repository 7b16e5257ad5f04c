package io.vidyut.mdm.simulator.pull;

/** A request the HES will not answer with data: the HTTP status (4xx) and why, for the response body. */
final class PullRefusal extends RuntimeException {
    private final int status;

    PullRefusal(int status, String message) {
        super(message, null, false, false);
        this.status = status;
    }

    int status() {
        return status;
    }

    static PullRefusal badRequest(String message) {
        return new PullRefusal(400, message);
    }

    static PullRefusal notFound(String message) {
        return new PullRefusal(404, message);
    }
}
