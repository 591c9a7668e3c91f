// The cfdo tool's commands; each returns the process's exit status.
#ifndef CFDO_TOOLS_COMMANDS_HPP_INCLUDED
#define CFDO_TOOLS_COMMANDS_HPP_INCLUDED

#include "arguments.hpp"

#include <span>

namespace cfdo::tool {

/// `cfdo check`: a wrangler configuration, with every rule.
extern command_spec const check_spec;
int check_command(std::span<char* const> args);

/// `cfdo plan`: the migrations a deploy sends.
extern command_spec const plan_spec;
int plan_command(std::span<char* const> args);

/// `cfdo exports`: the exports map equivalent to the configuration's migrations.
extern command_spec const exports_spec;
int exports_command(std::span<char* const> args);

/// `cfdo request`: the request for the SDK's params, checked.
extern command_spec const request_spec;
int request_command(std::span<char* const> args);

/// `cfdo upload`: the classic script upload of a configuration's Worker.
extern command_spec const upload_spec;
int upload_command(std::span<char* const> args);

/// `cfdo state`: what Cloudflare has of a Worker.
extern command_spec const state_spec;
int state_command(std::span<char* const> args);

} // namespace cfdo::tool

#endif
