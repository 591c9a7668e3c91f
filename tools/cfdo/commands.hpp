// The cfdo tool's commands; each returns the process's exit status.
#ifndef CFDO_TOOLS_COMMANDS_HPP_INCLUDED
#define CFDO_TOOLS_COMMANDS_HPP_INCLUDED

#include <span>

namespace cfdo::tool {

/// `cfdo check [--exports A,B] [--deployed-tag TAG] [--env NAME] [--format text|json] FILE`
int check_command(std::span<char* const> args);

/// `cfdo plan [--deployed-tag TAG] [--env NAME] FILE`
int plan_command(std::span<char* const> args);

/// `cfdo request FILE`
int request_command(std::span<char* const> args);

} // namespace cfdo::tool

#endif
