export const HELP = `Usage: pmpo-lint [options] [files, directories or globs...]
       pmpo-lint sections [options] FILE...

Lints Markdown product documents (PRDs, roadmaps, backlogs, vision docs).
Directories are walked for .md and .markdown files; only product documents
are linted there unless --all. Files named explicitly are always linted.

Options:
  -f, --format stylish|json|sarif   Output format (default: stylish)
      --fix                         Apply safe fixes and write the files back
  -c, --config FILE                 Config file with lower precedence than the nearest .pmpo-lint.json(c)
      --max-warnings N              Exit 1 when there are more than N warnings (-1: no limit)
  -q, --quiet                       Report errors only (warnings still count for --max-warnings)
      --all                         Lint every Markdown file in walks, not only product documents
      --stdin                       Lint text from standard input
      --stdin-filename NAME         File name for --stdin (kind detection, config lookup)
  -o, --output-file FILE            Write the report to FILE instead of standard output
      --print-config FILE           Print the configuration that applies to FILE
  -h, --help                        Show this help
  -v, --version                     Show the version

Commands:
  sections FILE...                  Show each section's label and scores (table, or JSON
                                    with --format json); "line" is the heading's line,
                                    "body" the lines after it (JSON startLine-endLine)

Exit codes: 0 clean or warnings within --max-warnings; 1 an error, or too many
warnings; 2 usage error, missing path, no Markdown file, invalid config.
`;
