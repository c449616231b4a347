package org.foldbatch.cli;

import java.util.Map;

import picocli.CommandLine;
import picocli.CommandLine.Mixin;

/** The settings flags together with the broker flags, for the commands that may run or check remote partitions. */
final class RemoteSettingsOptions {

    @Mixin
    SettingsOptions settings = new SettingsOptions();

    @Mixin
    RemoteOptions remote = new RemoteOptions();

    /** Every setting given by Foldbatch's own flags, the broker's last. */
    Map<String, Object> springProperties() {
        return FoldbatchContext.layered(settings.springProperties(), remote.springProperties());
    }

    /** As {@link SettingsOptions#springProperties(AlphaFold3Flags, CommandLine)}, then the broker's settings. */
    Map<String, Object> springProperties(AlphaFold3Flags af3, CommandLine cli) {
        return FoldbatchContext.layered(settings.springProperties(af3, cli), remote.springProperties());
    }
}
