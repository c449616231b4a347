package org.foldbatch.batch;

import java.net.InetAddress;
import java.net.UnknownHostException;

/** The name this machine goes by in the job repository. */
final class HostIdentity {

    private HostIdentity() {
    }

    static String hostName() {
        try {
            return InetAddress.getLocalHost().getHostName();
        } catch (UnknownHostException e) {
            String env = System.getenv("HOSTNAME");
            return env == null ? "unknown-host" : env;
        }
    }
}
