package org.foldbatch.batch.campaign;

import org.foldbatch.FoldbatchException;

/** A campaign file that cannot be used; the message is one line: {@code <file>: <path>: <reason>}. */
public final class CampaignException extends FoldbatchException {

    public CampaignException(String file, String path, String reason) {
        super(file + ": " + path + ": " + reason.replace("\n", " "));
    }

    public CampaignException(String file, String path, String reason, Throwable cause) {
        super(file + ": " + path + ": " + reason.replace("\n", " "), cause);
    }
}
