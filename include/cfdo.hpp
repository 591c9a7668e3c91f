// cfdo: compile-time checked requests for Cloudflare's Durable Objects API.
// Distributed under the Boost Software License, Version 1.0.
#ifndef CFDO_HPP_INCLUDED
#define CFDO_HPP_INCLUDED

// The whole library. Each header below stands alone; include only what a
// translation unit uses to keep its compile time down.

// The model: what a Worker version is made of, and the API operations.
#include <cfdo/model/binding_kinds.hpp>
#include <cfdo/model/bindings.hpp>
#include <cfdo/model/category.hpp>
#include <cfdo/model/date.hpp>
#include <cfdo/model/deployed_state.hpp>
#include <cfdo/model/deployment.hpp>
#include <cfdo/model/exports.hpp>
#include <cfdo/model/extra_fields.hpp>
#include <cfdo/model/http_method.hpp>
#include <cfdo/model/json_names.hpp>
#include <cfdo/model/json_text.hpp>
#include <cfdo/model/keyed.hpp>
#include <cfdo/model/members.hpp>
#include <cfdo/model/migrations.hpp>
#include <cfdo/model/modules.hpp>
#include <cfdo/model/one_of.hpp>
#include <cfdo/model/operation.hpp>
#include <cfdo/model/operations.hpp>
#include <cfdo/model/required.hpp>
#include <cfdo/model/results.hpp>
#include <cfdo/model/spelling.hpp>
#include <cfdo/model/text.hpp>
#include <cfdo/model/today.hpp>
#include <cfdo/model/upload_metadata.hpp>
#include <cfdo/model/worker_version.hpp>

// JSON exactly as Cloudflare's SDK writes it, and back.
#include <cfdo/json/from_json.hpp>
#include <cfdo/json/parse.hpp>
#include <cfdo/json/pretty.hpp>
#include <cfdo/json/to_json.hpp>
#include <cfdo/json/to_json_string.hpp>

// Rules and their diagnostics.
#include <cfdo/rules/catalogue.hpp>
#include <cfdo/rules/compile_time.hpp>
#include <cfdo/rules/diagnostic.hpp>
#include <cfdo/rules/exports_from_history.hpp>
#include <cfdo/rules/exports_rules.hpp>
#include <cfdo/rules/history_rules.hpp>
#include <cfdo/rules/lifecycle.hpp>
#include <cfdo/rules/params_rules.hpp>
#include <cfdo/rules/request_rules.hpp>
#include <cfdo/rules/suggestion.hpp>
#include <cfdo/rules/upload_rules.hpp>
#include <cfdo/rules/validation_context.hpp>
#include <cfdo/rules/version_field_rules.hpp>
#include <cfdo/rules/version_rules.hpp>

// Requests, responses and pagination over a transport of your own.
#include <cfdo/api/deployed_state.hpp>
#include <cfdo/api/exports_reconciliation.hpp>
#include <cfdo/api/make_request.hpp>
#include <cfdo/api/multipart.hpp>
#include <cfdo/api/pagination.hpp>
#include <cfdo/api/redaction.hpp>
#include <cfdo/api/request.hpp>
#include <cfdo/api/responses.hpp>
#include <cfdo/api/transport.hpp>

// Wrangler configurations (parsed by you: JSON, JSONC or TOML), read and checked.
#include <cfdo/wrangler/binding_sections.hpp>
#include <cfdo/wrangler/check_config.hpp>
#include <cfdo/wrangler/config_path.hpp>
#include <cfdo/wrangler/config_shape.hpp>
#include <cfdo/wrangler/migration_section.hpp>
#include <cfdo/wrangler/read_config.hpp>
#include <cfdo/wrangler/worker_config.hpp>

#endif
