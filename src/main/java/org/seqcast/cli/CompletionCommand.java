package org.seqcast.cli;

import picocli.AutoComplete;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** {@code seqcast completion bash|zsh}: the shell completion script, generated from the command model by picocli. */
@Command(name = "completion", mixinStandardHelpOptions = true,
        description = {"Print a shell completion script for seqcast (generated from its commands and options by picocli).",
                "bash: source <(seqcast completion bash), or save it in /etc/bash_completion.d/seqcast.",
                "zsh:  source <(seqcast completion zsh) in ~/.zshrc."})
public final class CompletionCommand extends Subcommand {
    /** The shells the script supports. */
    enum Shell { bash, zsh }

    @Parameters(index = "0", paramLabel = "SHELL", description = "bash or zsh.")
    Shell shell;

    @Override
    protected int run() {
        String script = AutoComplete.bash("seqcast", Main.commandLine());
        if (shell == Shell.zsh) {
            // picocli's script is bash completion; zsh runs it through bashcompinit.
            script = "autoload -U +X compinit && compinit\nautoload -U +X bashcompinit && bashcompinit\n" + script;
        }
        out().print(script);
        out().flush();
        return ExitCode.OK.code();
    }
}
