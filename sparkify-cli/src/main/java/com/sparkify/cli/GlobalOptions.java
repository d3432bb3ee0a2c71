package com.sparkify.cli;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The options a user may put before the command as well as after it ({@code sparkify -v --warehouse URL
 * etl}): moved to just after the command's name, where each command declares them. A command that does not
 * take one then refuses it by name, as it would after its name.
 */
final class GlobalOptions {
    static final Set<String> WITH_VALUE = Set.of("--warehouse", "--schema", "--config", "--log-level", "--log-file");
    static final Set<String> FLAGS = Set.of("-v", "--verbose", "-q", "--quiet");

    private GlobalOptions() {}

    /**
     * {@code args} with the global options before the first command name moved after it, or after its
     * subcommand's name ({@code cluster status}), where the options are declared.
     */
    static String[] reorder(String[] args, Map<String, Set<String>> commands) {
        List<String> global = new ArrayList<>();
        int i = 0;
        while (i < args.length) {
            String arg = args[i];
            String name = arg.contains("=") ? arg.substring(0, arg.indexOf('=')) : arg;
            if (FLAGS.contains(arg) || (WITH_VALUE.contains(name) && arg.contains("="))) {
                global.add(arg);
                i++;
            } else if (WITH_VALUE.contains(arg) && i + 1 < args.length) {
                global.add(arg);
                global.add(args[i + 1]);
                i += 2;
            } else {
                break;
            }
        }
        if (global.isEmpty() || i == args.length || !commands.containsKey(args[i])) {
            return args;
        }
        List<String> reordered = new ArrayList<>();
        reordered.add(args[i]);
        int rest = i + 1;
        if (rest < args.length && commands.get(args[i]).contains(args[rest])) {
            reordered.add(args[rest]);
            rest++;
        }
        reordered.addAll(global);
        reordered.addAll(Arrays.asList(args).subList(rest, args.length));
        return reordered.toArray(String[]::new);
    }
}
