"""mkdocs-macros module: a shim. The macros themselves live in the wijzer package."""

from wijzer.site.macros import register, write_companions


def define_env(env):
    register(env)


def on_post_build(env):
    write_companions(env)
