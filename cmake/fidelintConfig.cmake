# The CMake package of fidelint: find_package(fidelint) gives the targets
# fidelint::fidelint (static) and fidelint::fidelint_shared.
include(CMakeFindDependencyMacro)
find_dependency(PkgConfig)
# The static library's dependencies, under the names it was built with.
pkg_check_modules(ICU REQUIRED IMPORTED_TARGET icu-uc icu-i18n)
pkg_check_modules(PCRE2 REQUIRED IMPORTED_TARGET libpcre2-8)
pkg_check_modules(HUNSPELL REQUIRED IMPORTED_TARGET hunspell)
pkg_check_modules(YAML REQUIRED IMPORTED_TARGET yaml-0.1)
pkg_check_modules(JANSSON REQUIRED IMPORTED_TARGET jansson)
pkg_check_modules(LIBXML2 REQUIRED IMPORTED_TARGET libxml-2.0)
pkg_check_modules(CMARK REQUIRED IMPORTED_TARGET libcmark)
include("${CMAKE_CURRENT_LIST_DIR}/fidelintTargets.cmake")
