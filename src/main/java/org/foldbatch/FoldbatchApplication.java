package org.foldbatch;

import org.springframework.boot.autoconfigure.SpringBootApplication;

@SpringBootApplication
public class FoldbatchApplication {

    static {
        // The embedded H2 database runs with AUTO_SERVER so other foldbatch processes can share it; its TCP server
        // would otherwise listen on every interface (user sa, empty password). Read once, when H2 first loads.
        if (System.getProperty("h2.bindAddress") == null) {
            System.setProperty("h2.bindAddress", "127.0.0.1");
        }
    }
}
