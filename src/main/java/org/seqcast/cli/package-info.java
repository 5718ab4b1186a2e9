/** The command line: one class per subcommand, shared options in mixins, exit codes and error handling in one place. */
package org.seqcast.cli;
