class ConfigError(Exception):
    pass
def load(key):
    try:
        return {}[key]
    except KeyError as e:
        raise ConfigError(f"missing setting {key}") from e
load("port")
