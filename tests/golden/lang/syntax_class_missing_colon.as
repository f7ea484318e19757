class C(object)
    pass
