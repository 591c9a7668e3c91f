#include <cfdo/model/bindings.hpp>

constexpr cfdo::durable_object_binding counter_binding() {
    return {.class_name = "Counter"}; // forgot .name = "COUNTER"
}
