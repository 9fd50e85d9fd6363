# Classes whose attributes hold instances of their own class (issue 10): a linked list and a binary search tree,
# with None for absent links (Optional instances), `is None` tests, recursion through methods.


class Node:
    def __init__(self, value, next=None):
        self.value = value
        self.next = next


class LinkedList:
    def __init__(self):
        self.head = None
        self.size = 0

    def push(self, value):
        self.head = Node(value, self.head)
        self.size += 1

    def total(self):
        s = 0
        node = self.head
        while node is not None:
            s += node.value
            node = node.next
        return s

    def reverse(self):
        prev = None
        node = self.head
        while node is not None:
            nxt = node.next
            node.next = prev
            prev = node
            node = nxt
        self.head = prev

    def items(self):
        out = []
        node = self.head
        while node is not None:
            out.append(node.value)
            node = node.next
        return out


class Tree:
    def __init__(self, key):
        self.key = key
        self.left = None
        self.right = None

    def insert(self, key):
        if key < self.key:
            if self.left is None:
                self.left = Tree(key)
            else:
                self.left.insert(key)
        else:
            if self.right is None:
                self.right = Tree(key)
            else:
                self.right.insert(key)

    def inorder(self, out):
        if self.left is not None:
            self.left.inorder(out)
        out.append(self.key)
        if self.right is not None:
            self.right.inorder(out)
        return out

    def height(self):
        hl = 0 if self.left is None else self.left.height()
        hr = 0 if self.right is None else self.right.height()
        return 1 + max(hl, hr)


def lists():
    ll = LinkedList()
    for k in range(6):
        ll.push(k * k)
    print(ll.size, ll.total(), ll.items())
    ll.reverse()
    print(ll.items(), ll.head.value, ll.head.next.value)


def trees():
    t = Tree(50)
    for k in [30, 70, 20, 40, 60, 80, 35, 45, 65]:
        t.insert(k)
    print(t.inorder([]), t.height())


lists()
trees()
