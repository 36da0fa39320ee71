"""mkdocs-macros module: a shim. The macros themselves live in the wijzer package."""

from wijzer.site.macros import register


def define_env(env):
    register(env)
