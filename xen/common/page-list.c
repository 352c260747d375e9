/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * Doubly linked lists of pages, linked by pdx (4 bytes a link instead of
 * 8), so that struct page_info stays at 32 bytes.
 */
#include <xen/mm.h>

static struct page_info *pdx_page(uint32_t pdx)
{
    return pdx == PAGE_LIST_NULL ? NULL : frame_table + pdx;
}

static uint32_t page_pdx(const struct page_info *pg)
{
    return pg - frame_table;
}

void page_list_init(struct page_list_head *head)
{
    head->head = head->tail = PAGE_LIST_NULL;
    head->count = 0;
}

bool page_list_empty(const struct page_list_head *head)
{
    return head->head == PAGE_LIST_NULL;
}

struct page_info *page_list_first(const struct page_list_head *head)
{
    return pdx_page(head->head);
}

struct page_info *page_list_next(const struct page_info *pg,
                                 const struct page_list_head *head)
{
    return pdx_page(pg->list.next);
}

void page_list_add(struct page_info *pg, struct page_list_head *head)
{
    uint32_t idx = page_pdx(pg);

    pg->list.prev = PAGE_LIST_NULL;
    pg->list.next = head->head;
    if ( head->head != PAGE_LIST_NULL )
        frame_table[head->head].list.prev = idx;
    else
        head->tail = idx;
    head->head = idx;
    head->count++;
}

void page_list_add_tail(struct page_info *pg, struct page_list_head *head)
{
    uint32_t idx = page_pdx(pg);

    pg->list.next = PAGE_LIST_NULL;
    pg->list.prev = head->tail;
    if ( head->tail != PAGE_LIST_NULL )
        frame_table[head->tail].list.next = idx;
    else
        head->head = idx;
    head->tail = idx;
    head->count++;
}

void page_list_del(struct page_info *pg, struct page_list_head *head)
{
    ASSERT(head->count);

    if ( pg->list.prev != PAGE_LIST_NULL )
        frame_table[pg->list.prev].list.next = pg->list.next;
    else
        head->head = pg->list.next;

    if ( pg->list.next != PAGE_LIST_NULL )
        frame_table[pg->list.next].list.prev = pg->list.prev;
    else
        head->tail = pg->list.prev;

    pg->list.next = pg->list.prev = PAGE_LIST_NULL;
    head->count--;
}

struct page_info *page_list_remove_head(struct page_list_head *head)
{
    struct page_info *pg = page_list_first(head);

    if ( pg )
        page_list_del(pg, head);

    return pg;
}
