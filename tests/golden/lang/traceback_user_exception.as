class ValidationError(Exception):
    def __init__(self, field):
        super().__init__(f"invalid field {field}")
def validate():
    raise ValidationError("email")
validate()
