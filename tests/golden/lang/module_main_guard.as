def main():
    print("running main")
    return 0
print("module name is", __name__)
if __name__ == "__main__":
    main()
else:
    print("imported")
