// Package plansite gives Go the theme's interface strings, so that the
// words the build draws into charts and social cards have the same one
// home as the words Hugo puts into pages: i18n/zh.toml and i18n/en.toml.
// Hugo ignores this file.
package plansite

import "embed"

// I18n holds i18n/<lang>.toml.
//
//go:embed i18n/zh.toml i18n/en.toml
var I18n embed.FS
