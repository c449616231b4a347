package org.foldbatch;

import org.springframework.boot.autoconfigure.SpringBootApplication;

@SpringBootApplication
public class FoldbatchApplication {
}
